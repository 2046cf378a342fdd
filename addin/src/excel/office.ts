// The only folder of the add-in that touches Office.js. Outside Office (a plain browser, the preview workbench)
// Office.onReady resolves with no host and the workbook settings fall back to the browser's storage.

/** Resolves when Office.js is ready; `inExcel` tells whether a workbook is there. */
export async function officeReady(): Promise<{ inExcel: boolean }> {
  const info = await Office.onReady();
  return { inExcel: info.host === Office.HostType.Excel };
}

/**
 * Values kept with the workbook (the sign-in token, so each workbook remembers its server), or in the browser's
 * storage outside Excel.
 */
export const workbookSettings = {
  get(key: string): string | null {
    const settings = Office.context?.document?.settings;
    if (settings) return (settings.get(key) as string | null) ?? null;
    return window.localStorage.getItem(`shipsheet.${key}`);
  },
  async set(key: string, value: string | null): Promise<void> {
    const settings = Office.context?.document?.settings;
    if (!settings) {
      if (value === null) window.localStorage.removeItem(`shipsheet.${key}`);
      else window.localStorage.setItem(`shipsheet.${key}`, value);
      return;
    }
    if (value === null) settings.remove(key);
    else settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error))),
    );
  },
};
