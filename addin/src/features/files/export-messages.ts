// The export section's texts, Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const exportMessages = {
  export_title: { ko: '파일 내보내기', en: 'Export a file' },
  export_what: { ko: '내보낼 내용', en: 'What to export' },
  export_orders: { ko: '주문 목록', en: 'Order list' },
  export_booking: { ko: '택배 예약 파일', en: 'Courier booking file' },
  export_template: { ko: '택배사 양식', en: 'Courier template' },
  export_booking_viewer: {
    ko: '택배 예약 파일은 운영자와 관리자만 내려받을 수 있습니다 (받는 분 정보를 가리면 배송할 수 없습니다).',
    en: 'Only operators and admins download booking files (a masked one cannot be delivered).',
  },
  export_booking_help: {
    ko: '출고대기 상태의 박스를 한 행씩 담고, 참조 열에 박스 키를 넣습니다 (택배사 결과 파일을 그대로 다시 맞출 수 있습니다). 출고보류 주문과 품절 상품은 빠집니다.',
    en: "One row per box ready to ship, our box key in the courier's reference column (its result file then matches back). Held orders and sold-out items are left out.",
  },
  export_format: { ko: '파일 형식', en: 'Format' },
  export_encoding: { ko: 'CSV 인코딩', en: 'CSV encoding' },
  encoding_utf8_bom: { ko: 'UTF-8 (BOM, 엑셀용)', en: 'UTF-8 with BOM (for Excel)' },
  encoding_utf8: { ko: 'UTF-8', en: 'UTF-8' },
  encoding_cp949: { ko: 'CP949 (EUC-KR, 택배사 프로그램)', en: 'CP949 / EUC-KR (courier programs)' },
  export_password: { ko: '열기 암호 (선택)', en: 'Open password (optional)' },
  export_password_help: {
    ko: 'XLSX를 열 때 이 암호를 묻습니다. 서버에 저장하지 않으니 받는 사람에게 따로 알려 주세요.',
    en: 'Excel asks for it when the file is opened. It is not stored: tell the recipient separately.',
  },
  export_run: { ko: '파일 내려받기', en: 'Download the file' },
  exporting: { ko: '파일을 만드는 중…', en: 'Making the file…' },
  exported: { ko: '"{name}" 파일을 내려받았습니다 ({size}).', en: 'Downloaded "{name}" ({size}).' },
  exported_replaced: {
    ko: 'CP949에 없는 글자 {count}자를 ?로 바꿔 적었습니다 (파일의 {rows}행). 이름·주소가 틀리지 않았는지 확인하거나, 받는 프로그램이 UTF-8을 읽으면 UTF-8로 내려받으세요.',
    en: 'CP949 cannot hold {count} characters; they were written as ? (file rows {rows}). Check names and addresses, or download as UTF-8 if the program reads it.',
  },
  dates_reversed: { ko: '결제일 시작이 끝보다 늦습니다.', en: 'The start date is after the end date.' },
  export_download_note: {
    ko: '웹용 Excel과 Windows용 Excel에서는 브라우저 다운로드로 저장됩니다. Mac용 Excel은 작업창의 다운로드를 막을 수 있으니, 그때는 웹용 Excel에서 내려받으세요.',
    en: 'Saved as a browser download in Excel on the web and Excel for Windows. Excel for Mac may block downloads from the pane: use Excel on the web then.',
  },
} satisfies Messages;
