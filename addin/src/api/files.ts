// The 파일 tab's calls: spreadsheet templates (list, guess, save, edit, delete), invoice imports (preview, apply,
// list, undo) and order uploads (preview, register, list, delete a batch). Every import sends its rows as a
// `source` (shared/api/files.schema.ts): the active sheet's values or an uploaded file.
import type { z } from 'zod';
import {
  fileTemplate,
  fileTemplateList,
  guessBody,
  guessResponse,
  invoiceImportBody,
  invoiceImportList,
  invoiceImportResult,
  templateBody,
  templateListQuery,
  undoResponse,
} from '../../../shared/api/file-imports.schema.ts';
import {
  deleteOrderUploadBody,
  listOrderUploadsQuery,
  orderUploadBody,
  orderUploadDetail,
  orderUploadPreview,
  orderUploadResult,
  orderUploadsPage,
} from '../../../shared/api/order-uploads.schema.ts';
import type { Api } from './client.ts';
import { request, type Answer, type Endpoint } from './endpoint.ts';

export const fileEndpoints = {
  templates: { method: 'GET', path: '/api/file-templates', query: templateListQuery, response: fileTemplateList },
  createTemplate: { method: 'POST', path: '/api/file-templates', body: templateBody, response: fileTemplate },
  updateTemplate: { method: 'PUT', path: '/api/file-templates/:id', body: templateBody, response: fileTemplate },
  deleteTemplate: { method: 'DELETE', path: '/api/file-templates/:id', response: 'empty' },
  templateSample: { method: 'GET', path: '/api/file-templates/:id/sample', response: 'file' },
  guess: { method: 'POST', path: '/api/file-templates/guess', body: guessBody, response: guessResponse },
  invoicePreview: { method: 'POST', path: '/api/invoice-imports/preview', body: invoiceImportBody, response: invoiceImportResult },
  invoiceApply: { method: 'POST', path: '/api/invoice-imports', body: invoiceImportBody, response: invoiceImportResult },
  invoiceImports: { method: 'GET', path: '/api/invoice-imports', response: invoiceImportList },
  undoImport: { method: 'POST', path: '/api/invoice-imports/:id/undo', response: undoResponse },
  uploadPreview: { method: 'POST', path: '/api/order-uploads/preview', body: orderUploadBody, response: orderUploadPreview },
  uploadRegister: { method: 'POST', path: '/api/order-uploads', body: orderUploadBody, response: orderUploadResult },
  uploads: { method: 'GET', path: '/api/order-uploads', query: listOrderUploadsQuery, response: orderUploadsPage },
  deleteUpload: { method: 'DELETE', path: '/api/order-uploads/:id', body: deleteOrderUploadBody, response: orderUploadDetail },
} as const satisfies Record<string, Endpoint>;

export type FileTemplate = Answer<typeof fileEndpoints.templates>['items'][number];
export type FileSourceInput = z.input<typeof guessBody>['source'];
export type InvoiceImportAnswer = Answer<typeof fileEndpoints.invoicePreview>;
export type OrderUploadAnswer = Answer<typeof fileEndpoints.uploadPreview>;
export type UploadBatch = Answer<typeof fileEndpoints.uploads>['items'][number];

export const listTemplates = (api: Api, query: z.input<typeof templateListQuery> = {}) => request(api, fileEndpoints.templates, { query });

export const createTemplate = (api: Api, body: z.input<typeof templateBody>) => request(api, fileEndpoints.createTemplate, { body });

export const updateTemplate = (api: Api, id: string, body: z.input<typeof templateBody>) =>
  request(api, fileEndpoints.updateTemplate, { params: { id }, body });

export const deleteTemplate = (api: Api, id: string) => request(api, fileEndpoints.deleteTemplate, { params: { id } });

/** A sample XLSX of a template: its header row and one made-up row, to hand to a buyer or a courier. */
export const templateSample = (api: Api, id: string) => request(api, fileEndpoints.templateSample, { params: { id } });

/** The template whose headers best match the file, and the equally good others (`ties`) for the operator to choose. */
export const guessTemplate = (api: Api, body: z.input<typeof guessBody>) => request(api, fileEndpoints.guess, { body });

export const previewInvoiceImport = (api: Api, body: z.input<typeof invoiceImportBody>) => request(api, fileEndpoints.invoicePreview, { body });

export const applyInvoiceImport = (api: Api, body: z.input<typeof invoiceImportBody>) => request(api, fileEndpoints.invoiceApply, { body });

export const listInvoiceImports = (api: Api) => request(api, fileEndpoints.invoiceImports);

export const undoInvoiceImport = (api: Api, id: string) => request(api, fileEndpoints.undoImport, { params: { id } });

export const previewOrderUpload = (api: Api, body: z.input<typeof orderUploadBody>) => request(api, fileEndpoints.uploadPreview, { body });

export const registerOrderUpload = (api: Api, body: z.input<typeof orderUploadBody>) => request(api, fileEndpoints.uploadRegister, { body });

export const listOrderUploads = (api: Api, query: z.input<typeof listOrderUploadsQuery> = {}) => request(api, fileEndpoints.uploads, { query });

export const deleteOrderUpload = (api: Api, id: string, reason: string) =>
  request(api, fileEndpoints.deleteUpload, { params: { id }, body: { reason } });
