/** A signed-in staff member as the rest of the app sees them, whichever way they signed in. */
export interface Principal {
  /** Row id in `users`. */
  userId: string;
  tenantId: string;
  objectId: string;
  displayName: string;
  method: 'local' | 'entra';
}
