[Orion] Webhook endpoint disabled: ${url}
