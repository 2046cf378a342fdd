// Fluent's Dropdown with its clear button named in the pane's language. Fluent renders that button in every
// Dropdown (shown only when one is clearable) and names it 'Clear selection' in English whatever the page's
// language, which a screen reader reads out; every Dropdown of the pane is this one. Its value, cut with an ellipsis
// when wider than the pane, is whole in the button's title.
import { Dropdown as FluentDropdown, type DropdownProps } from '@fluentui/react-components';
import { format, type Lang } from '../../../shared/i18n.ts';
import { paneMessages as m } from '../messages.ts';

export function Dropdown({ lang, ...props }: DropdownProps & { lang: Lang }) {
  // A value wider than the pane is cut with an ellipsis (pane.css); the whole of it shows on hover.
  const shown = props.value ?? props.placeholder;
  return (
    <FluentDropdown {...props} button={{ ...(shown ? { title: shown } : {}) }} clearButton={{ 'aria-label': format(m.clear_selection, {}, lang) }} />
  );
}
