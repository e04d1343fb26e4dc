import type { JsonSchema, OpenApiDocument, OpenApiOperation } from './document';

const escapeHtml = (text: unknown): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A compact one-line description of a parameter's schema: type, enum, bounds, default. */
function describeSchema(schema: JsonSchema): string {
  const parts: string[] = [];
  const type = schema.type ?? (schema.anyOf ? 'any of' : '');
  if (type) parts.push(Array.isArray(type) ? type.join(' | ') : String(type));
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (schema.format) parts.push(`format ${String(schema.format)}`);
  if (schema.pattern) parts.push(`pattern ${String(schema.pattern)}`);
  for (const [key, label] of [
    ['minimum', '≥'],
    ['maximum', '≤'],
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
  ] as const) {
    if (schema[key] !== undefined) parts.push(`${label} ${String(schema[key])}`);
  }
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join('; ');
}

function renderOperation(path: string, method: string, op: OpenApiOperation): string {
  const params = op.parameters ?? [];
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td>` +
        `<td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(describeSchema(p.schema))}</td></tr>`,
    )
    .join('');
  const body = op.requestBody
    ? Object.entries(op.requestBody.content)
        .map(
          ([type, { schema }]) =>
            `<h4>Request body <code>${escapeHtml(type)}</code></h4>` +
            `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`,
        )
        .join('')
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</li>`)
    .join('');
  const auth = op.security?.some((s) => 'bearer' in s)
    ? op.security.some((s) => Object.keys(s).length === 0)
      ? '<span class="auth optional">optional bearer</span>'
      : '<span class="auth">bearer</span>'
    : '';
  return `<details class="op" id="${escapeHtml(op.operationId)}">
<summary><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code class="path">${escapeHtml(path)}</code> <span class="summary">${escapeHtml(op.summary)}</span> ${auth}</summary>
${params.length ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${paramRows}</tbody></table>` : ''}
${body}
<h4>Responses</h4><ul>${responses}</ul>
</details>`;
}

/**
 * A self-contained HTML reference, rendered on the server: the Content-Security-Policy
 * forbids inline scripts and other origins, so there is no JavaScript and no CDN.
 */
/** The page's only style sheet, inline; the docs route allows exactly this text by its hash in the CSP. */
export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1b1f24}
h1{margin-bottom:.25rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2rem}
h4{margin:.75rem 0 .25rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:6px;max-height:28rem}
details.op{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.4rem .75rem}
details.op[open]{background:#fcfcfd}
summary{cursor:pointer}
.method{display:inline-block;min-width:4.5rem;text-align:center;font-weight:600;color:#fff;border-radius:4px;padding:0 .4rem;font-size:12px}
.get{background:#1f6feb}.post{background:#1a7f37}.patch{background:#9a6700}.put{background:#8250df}.delete{background:#cf222e}
.path{font-weight:600}.summary{color:#57606a}
.auth{font-size:12px;border:1px solid #8c959f;border-radius:10px;padding:0 .4rem;color:#57606a}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0}
`;

export function renderDocsHtml(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(renderOperation(path, method, op));
    }
  }
  const toc = [...byTag.keys()]
    .map((tag) => `<li><a href="#tag-${escapeHtml(tag.replace(/\W+/g, '-'))}">${escapeHtml(tag)}</a></li>`)
    .join('');
  const sections = [...byTag.entries()]
    .map(
      ([tag, ops]) =>
        `<section id="tag-${escapeHtml(tag.replace(/\W+/g, '-'))}"><h2>${escapeHtml(tag)}</h2>${ops.join('\n')}</section>`,
    )
    .join('\n');
  const server = doc.servers[0]?.url ?? '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>${DOCS_CSS}</style>
</head>
<body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Base URL <code>${escapeHtml(server)}</code> · Machine-readable description: <a href="${escapeHtml(`${server}/openapi.json`)}">${escapeHtml(`${server}/openapi.json`)}</a> (OpenAPI ${escapeHtml(doc.openapi)}) · Errors answer <code>{ "error": { "code", "message", "fields"?, "errorId"? } }</code>.</p>
<nav><ul>${toc}</ul></nav>
${sections}
</body>
</html>
`;
}
