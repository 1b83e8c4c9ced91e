[Orion] RESOLVED: ${ruleName}
