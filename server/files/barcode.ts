// Code 128 barcodes as SVG for waybill labels (labels.ts), drawn by bwip-js (the barcode writer of many label tools,
// pure JavaScript, no canvas): a tracking number of digits is encoded in Code 128's digit-pair set, as couriers
// print theirs.
import bwipjs from 'bwip-js';

export function code128Svg(number: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text: number, height: 14, scale: 2, includetext: false });
}
