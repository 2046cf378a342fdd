// Enter in a search field does what the tab's main button does with it.
import type { KeyboardEvent } from 'react';

/** A keydown handler that runs `act` on Enter — not on the Enter that ends a Hangul syllable still being composed. */
export function onEnter(act: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    act();
  };
}
