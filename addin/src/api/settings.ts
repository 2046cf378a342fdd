// The shop's settings as the pane reads and sets them: the sender (보내는 분) of courier booking files.
import type { z } from 'zod';
import { senderBody, senderSetting } from '../../../shared/api/settings.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const settingsEndpoints = {
  sender: { method: 'GET', path: '/api/settings/sender', response: senderSetting },
  setSender: { method: 'PUT', path: '/api/settings/sender', body: senderBody, response: senderSetting },
} as const satisfies Record<string, Endpoint>;

/** The sender (null until an admin sets one); operators and admins may read it. */
export const getSender = (api: Api) => request(api, settingsEndpoints.sender);

/** Sets the sender (admins); the answer has the phones hyphenated as stored. */
export const setSender = (api: Api, body: z.input<typeof senderBody>) => request(api, settingsEndpoints.setSender, { body });
