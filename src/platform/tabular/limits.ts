/** The most characters one imported file may hold (about 1 MB of text). */
export const IMPORT_MAX_CHARACTERS = 1_000_000;

/** The most base64 characters an Excel workbook may take (a workbook of about 1 MB). */
export const IMPORT_MAX_XLSX_BASE64 = 1_400_000;
