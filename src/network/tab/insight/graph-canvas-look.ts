import { tokens } from '@fluentui/react-components';
import type { NodeKind } from './graph-model.js';

/** Shape and colour token per kind: the shape tells kinds apart without colour (WCAG 1.4.1). */
export const nodeLook: Record<NodeKind, { shape: string; color: string; glyph: string }> = {
  ally: { shape: 'ellipse', color: tokens.colorPaletteGreenBorderActive, glyph: '●' },
  key_figure: { shape: 'diamond', color: tokens.colorPaletteMarigoldBorderActive, glyph: '◆' },
  former_ally: { shape: 'triangle', color: tokens.colorNeutralForeground3, glyph: '▲' },
  former_key_figure: { shape: 'triangle', color: tokens.colorNeutralForeground3, glyph: '△' },
  organisation: { shape: 'round-rectangle', color: tokens.colorPaletteBlueBorderActive, glyph: '■' },
  community: { shape: 'hexagon', color: tokens.colorPaletteBerryBorderActive, glyph: '⬢' },
};
