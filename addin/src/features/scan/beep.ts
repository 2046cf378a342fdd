// The packing table's sound cue: a short tone from the Web Audio API (no sound file to ship or load). A low buzz
// for a refused scan, a high blip for a shipped box. Silent where the browser has no audio or blocks it.

type Tone = 'error' | 'success';

let context: AudioContext | null = null;

export function beep(tone: Tone): void {
  try {
    const Ctx = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    context ??= new Ctx();
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = tone === 'error' ? 'square' : 'sine';
    osc.frequency.value = tone === 'error' ? 220 : 880;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(context.destination);
    const now = context.currentTime;
    osc.start(now);
    osc.stop(now + (tone === 'error' ? 0.3 : 0.12));
  } catch {
    // A sound is a cue only: the red message says the same.
  }
}
