/**
 * Generated listing covers for the demo world: a 1200 × 800 SVG with the
 * colours of the listing's sector family, a pictogram of that family drawn
 * with plain shapes, the title wrapped in two or three lines and the
 * organisation's name. Pure and deterministic: the same listing always gives
 * the same picture (sharp renders it; see covers.ts).
 */

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 800;

type Family = 'agri' | 'water' | 'food' | 'life' | 'energy' | 'industry' | 'digital' | 'service';

/** Sector code → family (shared/src/taxonomies/sectors.json); unknown codes are 'service'. */
const familyOf: Record<string, Family> = {
  crops: 'agri',
  livestock: 'agri',
  forestry: 'agri',
  medicinal_plants: 'agri',
  aquaculture: 'water',
  water: 'water',
  food_processing: 'food',
  biotech: 'life',
  health: 'life',
  chemicals: 'life',
  environment: 'energy',
  energy: 'energy',
  mechanical: 'industry',
  metallurgy: 'industry',
  materials: 'industry',
  transport: 'industry',
  textiles: 'industry',
  automation: 'digital',
  electronics: 'digital',
  software: 'digital',
  ai_data: 'digital',
  tourism: 'service',
  quality: 'service',
};

/** Background from → to, and an accent for the pictogram. Text is white on every one (contrast ≥ 4.5:1). */
const palettes: Record<Family, { from: string; to: string; accent: string }> = {
  agri: { from: '#1b5e20', to: '#2e7d32', accent: '#a5d6a7' },
  water: { from: '#01579b', to: '#0277bd', accent: '#81d4fa' },
  food: { from: '#8d3a00', to: '#a84300', accent: '#ffcc80' },
  life: { from: '#4a148c', to: '#6a1b9a', accent: '#ce93d8' },
  energy: { from: '#00574b', to: '#00695c', accent: '#ffe082' },
  industry: { from: '#263238', to: '#37474f', accent: '#b0bec5' },
  digital: { from: '#0d1b5e', to: '#1a237e', accent: '#80deea' },
  service: { from: '#5d1a2e', to: '#7b1f3a', accent: '#f8bbd0' },
};

/** Pictograms in a 200 × 200 box, drawn with the accent colour. */
const pictograms: Record<Family, (c: string) => string> = {
  // A leaf with its vein.
  agri: (c) =>
    `<path d="M30 170 C30 80 90 30 170 30 C170 110 120 170 30 170 Z" fill="${c}"/>` +
    `<path d="M40 160 L150 50" stroke="#ffffff" stroke-width="8" stroke-linecap="round"/>`,
  // Three waves and a fish.
  water: (c) =>
    `<ellipse cx="100" cy="60" rx="45" ry="22" fill="${c}"/><path d="M140 60 L170 40 L170 80 Z" fill="${c}"/>` +
    [110, 140, 170]
      .map(
        (y) =>
          `<path d="M10 ${y} Q40 ${y - 20} 70 ${y} T130 ${y} T190 ${y}" fill="none" stroke="${c}" stroke-width="10" stroke-linecap="round"/>`,
      )
      .join(''),
  // A bowl with steam.
  food: (c) =>
    `<path d="M20 100 H180 A80 70 0 0 1 20 100 Z" fill="${c}"/><rect x="60" y="172" width="80" height="12" rx="6" fill="${c}"/>` +
    [70, 100, 130]
      .map(
        (x) =>
          `<path d="M${x} 80 Q${x - 12} 60 ${x} 45 T${x} 10" fill="none" stroke="${c}" stroke-width="8" stroke-linecap="round"/>`,
      )
      .join(''),
  // A flask.
  life: (c) =>
    `<path d="M75 20 H125 V80 L180 175 Q185 185 172 185 H28 Q15 185 20 175 L75 80 Z" fill="none" stroke="${c}" stroke-width="10" stroke-linejoin="round"/>` +
    `<path d="M48 140 H152 L172 176 H28 Z" fill="${c}"/><circle cx="95" cy="115" r="9" fill="${c}"/><circle cx="115" cy="95" r="6" fill="${c}"/>`,
  // A sun over a lightning bolt.
  energy: (c) =>
    `<circle cx="100" cy="100" r="42" fill="none" stroke="${c}" stroke-width="10"/>` +
    Array.from({ length: 8 }, (_, i) => {
      const a = (i * Math.PI) / 4;
      const p = (r: number) => `${(100 + r * Math.cos(a)).toFixed(1)} ${(100 + r * Math.sin(a)).toFixed(1)}`;
      return `<path d="M${p(60)} L${p(88)}" stroke="${c}" stroke-width="10" stroke-linecap="round"/>`;
    }).join('') +
    `<path d="M108 66 L84 104 H104 L92 136 L120 94 H100 Z" fill="${c}"/>`,
  // A gear.
  industry: (c) =>
    Array.from(
      { length: 8 },
      (_, i) => `<rect x="88" y="14" width="24" height="40" rx="4" fill="${c}" transform="rotate(${i * 45} 100 100)"/>`,
    ).join('') +
    `<circle cx="100" cy="100" r="58" fill="${c}"/><circle cx="100" cy="100" r="24" fill="#ffffff" fill-opacity="0.85"/>`,
  // A chip with pins.
  digital: (c) =>
    `<rect x="50" y="50" width="100" height="100" rx="12" fill="${c}"/><rect x="78" y="78" width="44" height="44" rx="6" fill="#ffffff" fill-opacity="0.85"/>` +
    [70, 100, 130]
      .map(
        (v) =>
          `<path d="M${v} 20 V50 M${v} 150 V180 M20 ${v} H50 M150 ${v} H180" stroke="${c}" stroke-width="9" stroke-linecap="round"/>`,
      )
      .join(''),
  // A badge with a check mark.
  service: (c) =>
    `<circle cx="100" cy="100" r="80" fill="${c}"/>` +
    `<path d="M60 102 L88 130 L142 74" fill="none" stroke="#ffffff" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/>`,
};

/** The family of a listing: that of its first sector the taxonomy knows. */
export function coverFamily(sectors: readonly string[]): Family {
  for (const s of sectors) if (familyOf[s]) return familyOf[s];
  return 'service';
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);

/**
 * Words into at most `maxLines` lines of at most `width` characters; what
 * does not fit ends the last line with an ellipsis. A word longer than a
 * line is cut.
 */
export function wrapTitle(title: string, width = 24, maxLines = 3): string[] {
  const words = title.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i].length > width ? `${words[i].slice(0, width - 1)}…` : words[i];
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines;
  }
  // Out of lines with words left: the last line says so.
  const last = lines[maxLines - 1];
  lines[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return lines;
}

/** The cover of a listing as an SVG document. */
export function coverSvg(input: { title: string; organizationName: string; sectors: readonly string[] }): string {
  const family = coverFamily(input.sectors);
  const { from, to, accent } = palettes[family];
  const lines = wrapTitle(input.title);
  const fontSize = lines.length === 3 ? 62 : 70;
  const lineHeight = Math.round(fontSize * 1.22);
  const top = 470 - ((lines.length - 1) * lineHeight) / 2;
  const font = "DejaVu Sans, 'Liberation Sans', Arial, sans-serif";
  const text = lines
    .map(
      (l, i) =>
        `<text x="80" y="${top + i * lineHeight}" font-family="${font}" font-size="${fontSize}" font-weight="700" fill="#ffffff">${escapeXml(l)}</text>`,
    )
    .join('');
  const org = escapeXml(wrapTitle(input.organizationName, 48, 1)[0] ?? '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="url(#bg)"/>` +
    `<circle cx="1060" cy="130" r="250" fill="${accent}" fill-opacity="0.12"/>` +
    `<g transform="translate(960 70)">${pictograms[family](accent)}</g>` +
    `<rect x="80" y="${top - fontSize - 50}" width="120" height="10" rx="5" fill="${accent}"/>` +
    text +
    `<rect x="0" y="660" width="${COVER_WIDTH}" height="140" fill="#000000" fill-opacity="0.25"/>` +
    `<text x="80" y="745" font-family="${font}" font-size="40" fill="#ffffff">${org}</text>` +
    `</svg>`
  );
}
