// The pane's layout classes (Fluent makeStyles + design tokens). Every one fits Excel's 320 px pane: grid tracks
// may shrink below their widest word, flex rows wrap instead of pushing buttons out of view, and nothing keeps a
// minimum width of its own. pane.css keeps the rules for Fluent's own components.
import { makeStyles, tokens } from '@fluentui/react-components';

const fits = { minWidth: 0 } as const;
const grid = { ...fits, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' } as const;
const flex = { ...fits, display: 'flex', flexWrap: 'wrap' } as const;

export const useLayout = makeStyles({
  /** The pane itself. */
  shell: { ...grid, padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalL },
  /** A pane's section: its fields and rows one under another. */
  stack: { ...grid, gap: tokens.spacingVerticalMNudge },
  /** A form: a little more air between fields. */
  form: { ...grid, gap: tokens.spacingVerticalM },
  /** Progress and notices. */
  status: { ...grid, gap: tokens.spacingVerticalSNudge },
  /** Lines close together (a failure list, a progress line with its bar). */
  tight: { ...grid, gap: tokens.spacingVerticalXS },
  /** Cards one under another. */
  cards: { ...grid, gap: tokens.spacingVerticalS },
  /** Controls one under another without gaps (a group of checkboxes). */
  list: { ...grid },
  /** Side by side, wrapping: buttons, a pair of dates. */
  row: { ...flex, gap: tokens.spacingHorizontalS },
  /** Side by side, bottoms aligned: a field and the button that applies it. */
  rowEnd: { ...flex, gap: tokens.spacingHorizontalS, alignItems: 'end' },
  /** A title and its action at the two ends of a line. */
  spread: { ...flex, gap: tokens.spacingHorizontalS, justifyContent: 'space-between', alignItems: 'center' },
  /** A choice, a text beside it and a small button (a template's field ↔ headers): one line whatever the width. */
  pairRow: {
    ...fits,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr) auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
  /**
   * Takes the room left in a row, but never less than a short value's width: below that the row wraps and the
   * field takes a line of its own (a courier dropdown beside a long button was squeezed to a letter a line).
   */
  grow: { flex: '1 1 7rem' },
  /** In a wrapping row, a line of its own under what came before (a form opened from a title's button). */
  ownLine: { flexBasis: '100%' },
  /** A short label that must stay on one line (a status badge in a card header's action, sized to fit it). */
  noWrap: { whiteSpace: 'nowrap' },
  /**
   * A badge in a wrapping row: one line while it fits (the row wraps it under its title first), more lines when its
   * words are wider than the card (an English merge review reason at 320 px was cut at both ends). Fluent's badge
   * has a fixed height; here it grows with its lines and keeps that height as its least.
   */
  badge: {
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: '20px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    textAlign: 'start',
  },
});
