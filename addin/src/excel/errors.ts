// Office errors in the pane's words. Excel's own messages are English only and speak of requests and proxies; the
// operator needs to know what to do. Pure (no Office.js call): the pane's work status renders these.
import { format, type Lang, type Messages } from '../../../shared/i18n.ts';

/** An error Excel reported (a RichApi.Error), with its code kept for the pane's message. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExcelError';
  }
}

/** The code of an Office.js error (OfficeExtension.Error, or the workbench's look-alike), else undefined. */
export function officeErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'RichApi.Error') return undefined;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code ? code : undefined;
}

/** Excel's error codes the pane words itself, by code: the keys are the one list of them. */
const codeMessages = {
  InvalidOperationInCellEditMode: {
    ko: 'Excel에서 셀을 편집하는 중입니다. Enter나 Tab 키로 편집을 마친 뒤 다시 시도하세요.',
    en: 'Excel is editing a cell. Press Enter or Tab to finish editing, then try again.',
  },
  AccessDenied: {
    ko: '시트를 바꿀 수 없습니다. 시트나 통합 문서의 보호를 해제한 뒤 다시 시도하세요.',
    en: 'The sheet cannot be changed. Unprotect the sheet or workbook, then try again.',
  },
  ItemNotFound: {
    ko: '시트를 찾지 못했습니다. 작업 중에 시트 이름이 바뀌었거나 지워졌는지 확인하세요.',
    en: 'A sheet was not found. Check that it was not renamed or deleted meanwhile.',
  },
} satisfies Messages;

const excelMessages = {
  /** Request and response payload limits (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded, …). */
  PayloadSize: {
    ko: 'Excel이 한 번에 주고받을 수 있는 양(5 MB)을 넘었습니다. 조건을 좁혀 다시 시도하세요. ({code})',
    en: 'More data than Excel takes at once (5 MB). Narrow the filter and try again. ({code})',
  },
  other: { ko: 'Excel 오류: {message} ({code})', en: 'Excel error: {message} ({code})' },
} satisfies Messages;

/** What the pane shows for an Excel error, in the pane's language. */
export function excelErrorText(error: ExcelError, lang: Lang): string {
  const params = { code: error.code, message: error.message };
  if (Object.hasOwn(codeMessages, error.code)) return format(codeMessages[error.code as keyof typeof codeMessages], params, lang);
  if (error.code.endsWith('PayloadSizeLimitExceeded')) return format(excelMessages.PayloadSize, params, lang);
  return format(excelMessages.other, params, lang);
}
