// Saves a downloaded file from the task pane: an object URL on an <a download>, clicked. This works in Excel on the
// web (the browser's own download) and in Excel for Windows (the WebView2 pane shows its download bar); Office on
// Mac (WKWebView) may ignore downloads from a pane, which the section's note tells the operator.
import type { DownloadedFile } from '../../api/client.ts';

/** How long the object URL stays valid: the download has started by then (revoking at once can cancel it). */
const KEEP_URL_MS = 60_000;

export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
