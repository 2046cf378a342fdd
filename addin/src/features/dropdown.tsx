// Fluent's Dropdown with its clear button named in the pane's language. Fluent renders that button in every
// Dropdown (shown only when one is clearable) and names it 'Clear selection' in English whatever the page's
// language, which a screen reader reads out; every Dropdown of the pane is this one.
import { Dropdown as FluentDropdown, type DropdownProps } from '@fluentui/react-components';
import { format, type Lang } from '../../../shared/i18n.ts';
import { paneMessages as m } from '../messages.ts';

export function Dropdown({ lang, ...props }: DropdownProps & { lang: Lang }) {
  return <FluentDropdown {...props} clearButton={{ 'aria-label': format(m.clear_selection, {}, lang) }} />;
}
