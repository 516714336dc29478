/**
 * KinoBezdna design tokens: a dark cinema theme. The CSS custom properties in tokens.css carry
 * the same values; components use the CSS variables, TypeScript code (charts, canvas) uses these.
 */
export const colors = {
  background: '#0b0b10',
  surface: '#15151d',
  surfaceRaised: '#1e1e29',
  border: '#2c2c3a',
  text: '#f2f0ea',
  textMuted: '#a5a3b4',
  accent: '#e5383b',
  accentStrong: '#ff4d4f',
  accentDeep: '#c81d25',
  gold: '#f5c518',
  success: '#3ddc84',
  warning: '#ffb020',
  danger: '#ff5c5c',
  focus: '#7aa2ff',
} as const;

export const space = { xs: 4, sm: 8, md: 16, lg: 24, xl: 32, xxl: 48 } as const;

export const radius = { sm: 6, md: 10, lg: 16, pill: 999 } as const;

export const font = {
  family: "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif",
  display: "'Bebas Neue', 'Oswald', 'Arial Narrow', sans-serif",
  size: { xs: 12, sm: 14, md: 16, lg: 20, xl: 28, display: 44 },
} as const;

export const breakpoints = { phone: 360, tablet: 768, desktop: 1120 } as const;

export type ColorName = keyof typeof colors;
