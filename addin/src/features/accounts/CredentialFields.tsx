// The credential fields of one mall, and the check that the required ones are filled before anything is sent.
import { Field, Input } from '@fluentui/react-components';
import type { Lang } from '../../../../shared/i18n.ts';
import { format } from '../../../../shared/i18n.ts';
import type { MallType } from '../../../../shared/malls.ts';
import { accountMessages as am, CREDENTIAL_FIELDS } from './account-messages.ts';

export type Credentials = Record<string, string>;

/** The first required field left empty, in the operator's words; null when all are there. */
export function missingCredential(mall: MallType, values: Credentials, lang: Lang): string | null {
  const empty = CREDENTIAL_FIELDS[mall].find((f) => !f.optional && !values[f.id]?.trim());
  return empty ? format(am.required, { field: empty.label[lang] }, lang) : null;
}

/** Only the fields of this mall, trimmed, empty optional ones left out. */
export function credentialsOf(mall: MallType, values: Credentials): Credentials {
  return Object.fromEntries(CREDENTIAL_FIELDS[mall].flatMap((f) => (values[f.id]?.trim() ? [[f.id, values[f.id]!.trim()]] : [])));
}

export function CredentialFields({
  mall,
  values,
  onChange,
  lang,
}: {
  mall: MallType;
  values: Credentials;
  onChange: (values: Credentials) => void;
  lang: Lang;
}) {
  return (
    <>
      {CREDENTIAL_FIELDS[mall].map((f) => (
        <Field key={f.id} label={f.label[lang]} required={!f.optional}>
          <Input
            type={f.secret ? 'password' : 'text'}
            autoComplete="off"
            value={values[f.id] ?? ''}
            onChange={(_, d) => onChange({ ...values, [f.id]: d.value })}
          />
        </Field>
      ))}
    </>
  );
}
