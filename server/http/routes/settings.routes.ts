// The shop's settings: the sender (보내는 분) of courier booking files. Operators read it (they make the files and
// see whom the courier will show as shipper); admins set it.
import { senderBody, senderSetting } from '../../../shared/api/settings.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as settings from '../../modules/settings/settings.service.ts';
import { route } from '../route.ts';

export function settingsRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/settings/sender',
      tag: 'settings',
      summary: "The sender (보내는 분) every courier booking file carries: the shop's name, phones and shipping address; null until set",
      access: 'operator',
      response: senderSetting,
      handler: async () => settings.getSender(deps.db),
    }),
    route({
      method: 'put',
      path: '/settings/sender',
      tag: 'settings',
      summary:
        'Set the sender of courier booking files. Phones must be Korean numbers and are stored hyphenated; zip is 5 digits. ' +
        'A change is recorded in the audit log (sender_changed, the fields changed)',
      access: 'admin',
      response: senderSetting,
      body: senderBody,
      handler: async ({ actor, info, body }) => settings.saveSender(deps.db, actor, info, body),
    }),
  ];
}
