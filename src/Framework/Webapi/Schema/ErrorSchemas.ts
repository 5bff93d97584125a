import type { ResponseObject, SchemaObject } from './OpenApiDocument.ts';

/** Component names of Magento's Swagger error definitions (`Generator::getDefinitions`). */
export const ERROR_RESPONSE_SCHEMA = 'error-response';
const ERROR_ITEM_SCHEMA = 'error-errors-item';
const ERROR_PARAMETERS_SCHEMA = 'error-parameters';

export const schemaRef = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

/**
 * The error body every route may answer with (SPEC §3.6), as the ErrorProcessor writes it. Magento's own
 * definition types `parameters` as a list; ours is an object for named placeholders (`%resources`) and a list
 * for positional ones (`%1`), so both are allowed.
 */
export const ERROR_SCHEMAS: Readonly<Record<string, SchemaObject>> = Object.freeze({
  [ERROR_RESPONSE_SCHEMA]: {
    type: 'object',
    description: 'Magento Web API error body.',
    required: ['message'],
    properties: {
      message: {
        type: 'string',
        description: 'The message template, placeholders (%1, %fieldName …) not filled in; their values are in `parameters`.',
      },
      parameters: schemaRef(ERROR_PARAMETERS_SCHEMA),
      errors: {
        type: 'array',
        description: 'Present when one request has two or more input errors (message is then "One or more input exceptions have occurred.").',
        items: schemaRef(ERROR_ITEM_SCHEMA),
      },
      trace: { type: 'string', nullable: true, description: 'Stack trace, developer mode only.' },
    },
  },
  [ERROR_ITEM_SCHEMA]: {
    type: 'object',
    description: 'One input error.',
    properties: {
      message: { type: 'string', description: 'Message template.' },
      parameters: schemaRef(ERROR_PARAMETERS_SCHEMA),
    },
  },
  [ERROR_PARAMETERS_SCHEMA]: {
    description: 'Placeholder values: an object for named placeholders, a list for positional ones. Left out when empty.',
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  },
});

const errorContent = { 'application/json': { schema: schemaRef(ERROR_RESPONSE_SCHEMA) } };

/** Shared error responses, referenced from every operation (`#/components/responses/<status>`). */
export const ERROR_RESPONSES: Readonly<Record<string, ResponseObject>> = Object.freeze({
  '400': {
    description: '400 Bad Request: invalid or missing input, a failed business rule (LocalizedException), malformed JSON.',
    content: errorContent,
  },
  '401': {
    description: "401 Unauthorized: the caller's token does not grant the route's resources, or credentials were wrong.",
    content: errorContent,
  },
  '404': { description: '404 Not Found: the entity does not exist (NoSuchEntityException).', content: errorContent },
  '500': {
    description: '500 Internal Server Error: details are only in the log, under the Report ID the message names.',
    content: errorContent,
  },
});

export const errorResponseRef = (status: string): { $ref: string } => ({ $ref: `#/components/responses/${status}` });
