export function ChannelTypesPage() { return null; }
