// The card elements moved to the cards kit in src/teams (issue 14); the call-out cards still import them here.
export * from '../../../teams/cards/card-elements.js';
