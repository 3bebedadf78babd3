/**
 * Call-out limits shared by the API's schemas, the answer rule, the alert card and the tab: zod-free, so the
 * tab can import them instead of copying the numbers.
 */

/** The longest note a staff member can add to an answer. */
export const NOTE_MAX_LENGTH = 500;

/**
 * The latest arrival a staff member can give, in minutes. 600 is what the API has always documented
 * (`StaffAnswerInput.etaMinutes` in the OpenAPI document) and the tab enforced; the card used to stop at
 * 240, so an answer the tab accepted could not be given on the card.
 */
export const ETA_MAX_MINUTES = 600;
