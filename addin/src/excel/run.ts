// The one way into Excel.run. Every batch is awaited here, retried while the operator is typing in a cell (Excel
// refuses every request then, with InvalidOperationInCellEditMode, until they press Enter or Tab), and any Office
// error comes out as an ExcelError whose code the pane turns into its own message (excel/errors.ts).
// A batch may run more than once, so each must be safe to repeat: ours set values and formats, never append.
import { ExcelError, officeErrorCode } from './errors.ts';

export const CELL_EDIT_CODE = 'InvalidOperationInCellEditMode';

export type RetryOptions = {
  /** Tries in all while Excel is in cell-edit mode, then the error goes to the operator. */
  attempts?: number;
  /** Wait between tries; the operator usually leaves the cell within seconds. */
  delayMs?: number;
};

/** About 15 s of waiting for the operator to leave the cell before telling them. */
const DEFAULTS = { attempts: 30, delayMs: 500 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts, delayMs } = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await Excel.run(batch);
    } catch (error) {
      const code = officeErrorCode(error);
      if (code === CELL_EDIT_CODE && attempt < attempts) {
        await sleep(delayMs);
        continue;
      }
      if (code) throw new ExcelError(code, error instanceof Error ? error.message : String(error), { cause: error });
      throw error;
    }
  }
}
