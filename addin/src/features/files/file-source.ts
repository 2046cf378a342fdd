// A file the operator chose in the pane, as the server's `source` of kind 'file': its bytes as base64. Built in
// chunks, since spreading a multi-megabyte array into String.fromCharCode overflows the call stack.
import type { FileSourceInput } from '../../api/files.ts';

const CHUNK = 0x8000;

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export type ChosenFile = { name: string; content_base64: string };

export async function readChosenFile(file: File): Promise<ChosenFile> {
  return { name: file.name, content_base64: base64Of(new Uint8Array(await file.arrayBuffer())) };
}

/** The source sent for a chosen file; the password only when the operator typed one (never kept elsewhere). */
export function fileSourceOf(file: ChosenFile, password: string): FileSourceInput {
  return { kind: 'file', filename: file.name, content_base64: file.content_base64, ...(password ? { password } : {}) };
}
