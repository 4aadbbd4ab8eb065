// Numbers and times the way people read them at a glance.
export function duration(ms) {
  if (ms === undefined || ms === null) return '';
  if (ms < 1000) return ms + ' ms';
  const s = Math.round(ms / 1000);
  if (s < 60) return s + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + String(s % 60).padStart(2, '0') + ' s';
  const h = Math.floor(m / 60);
  return h + ' h ' + String(m % 60).padStart(2, '0') + ' min';
}

export function ago(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.floor(seconds / 3600) + ' h ago';
  return new Date(iso).toLocaleDateString();
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function cost(usage) {
  if (!usage || usage.cost_usd === undefined) return '';
  return '$' + usage.cost_usd.toFixed(usage.cost_usd < 1 ? 3 : 2);
}

export function tokens(usage) {
  if (!usage) return '';
  const n = usage.total_tokens;
  return n >= 1000 ? (n / 1000).toFixed(n >= 10000 ? 0 : 1) + 'k tok' : n + ' tok';
}
