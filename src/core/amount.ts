/** Amounts as CRM pages show them: "1 500 000 ₽" / "1500000" / "12,5" → a number; nothing readable → null. */
export function parseAmount(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,-]/g, '').replace(',', '.');
  if (!digits) return null;
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}
