[Orion] FIRING: ${ruleName}
