// The new delivery address of a buyer's address_change event, the same for every sandbox mall: the one the event
// body gives (phones and memo kept from a fresh sample where left out), or a fresh sample address.
import type { AddressChange } from './admin-schema.ts';
import { makeSampleOrders, toRecipient } from './korean-data.ts';

export type NewAddress = { name: string; phone: string; mobile: string; zip: string; address1: string; address2: string; memo: string };

export function newAddress(change: AddressChange | undefined, random: () => number): NewAddress {
  const sample = toRecipient(makeSampleOrders(1, Math.floor(random() * 1e9) + 1)[0]!, change?.recipient);
  return {
    name: sample.recipientName,
    phone: sample.safeNumber,
    mobile: sample.mobile,
    zip: sample.zip,
    address1: sample.address1,
    address2: sample.address2,
    memo: change?.memo ?? sample.memo,
  };
}
