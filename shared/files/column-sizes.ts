// The sizes of the text columns that rows read from files (and the catalogue's API) are saved in, as the migrations
// declare them (server/db/migrations: 20261122000000_core for orders and their lines, 20261127000000_catalogue for
// SKUs and stock history). PostgreSQL refuses a longer text with an error (a 500 at the apply) where SQLite keeps
// it, so a limit checked before the write is what makes both databases answer alike. The migrations keep their own
// copies (a migration never imports the live schema); checks in code take their numbers from here.
export const COLUMN_SIZES = {
  orders: {
    mall_order_id: 64,
    channel_name: 100,
    orderer_name: 100,
    orderer_phone: 32,
    orderer_email: 200,
    recipient_name: 100,
    recipient_phone: 32,
    recipient_mobile: 32,
    recipient_zip: 10,
    recipient_address1: 300,
    recipient_address2: 300,
    delivery_memo: 500,
  },
  order_lines: { mall_product_id: 64, product_name: 300, option_text: 300 },
  skus: { code: 64, name: 300, option_text: 300, memo: 500 },
  sku_barcodes: { barcode: 64 },
  warehouses: { code: 32 },
  stock_history: { reason: 500 },
} as const;
