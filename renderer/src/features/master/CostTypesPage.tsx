export function CostTypesPage() { return null; }
