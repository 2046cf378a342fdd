// The XML scanner the XLSX reader walks sheets and shared strings with: what it hands over must be what an XML
// parser gives (entities, CDATA, line ends, self-closing tags), and a damaged part must throw, never half read.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { scanXml } from '../../../../server/files/xml-scan.ts';

/** Every event as text: `<name attr=value>`, `"text"`, `</name>`. */
function events(xml: string, attributes: string[] = []): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open(name, attrs) {
      const shown = attributes.flatMap((a) => {
        const v = attrs.get(a);
        return v === undefined ? [] : [`${a}=${v}`];
      });
      out.push(`<${[name, ...shown].join(' ')}>`);
    },
    text: (value) => out.push(JSON.stringify(value)),
    close: (name) => out.push(`</${name}>`),
  });
  return out;
}

describe('scanXml', () => {
  it('hands over tags, attributes and text as an XML parser reads them', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- a comment <c> -->' +
      `<sheetData><row r="3" spans="1:2"><c r = 'A3' t="s" s="2"><v>7</v></c><c r="B3" t="str" note="a>b"/>` +
      '<c r="C3"><is><t xml:space="preserve"> x &amp; y &lt;&#54620;&#xAE00;&gt; &quot;&apos;\r\nz\r</t></is></c>' +
      '<c r="D3"><v><![CDATA[<b>&amp;</b>]]></v></c></row></sheetData>';
    assert.deepEqual(events(xml, ['r', 't', 's', 'note']), [
      '<sheetData>',
      '<row r=3>',
      '<c r=A3 t=s s=2>',
      '<v>',
      '"7"',
      '</v>',
      '</c>',
      '<c r=B3 t=str note=a>b>',
      '</c>',
      '<c r=C3>',
      '<is>',
      '<t>',
      JSON.stringify(' x & y <한글> "\'\nz\n'),
      '</t>',
      '</is>',
      '</c>',
      '<c r=D3>',
      '<v>',
      '"<b>&amp;</b>"',
      '</v>',
      '</c>',
      '</row>',
      '</sheetData>',
    ]);
  });

  it('throws on a damaged part: a close tag that does not match, an unterminated tag, a part cut short, an undefined entity, a DOCTYPE', () => {
    for (const xml of [
      '<a><b></a>',
      '<a><b r="1"',
      '<a>&nbsp;</a>',
      '<a>&amp</a>',
      '<a>&#xZZ;</a>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a><!-- open</a>',
      '<a b=1></a>',
      // Cut short after a row: every element opened must be closed.
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
    ]) {
      assert.throws(() => events(xml, ['b']), /XML: /, xml);
    }
  });
});
