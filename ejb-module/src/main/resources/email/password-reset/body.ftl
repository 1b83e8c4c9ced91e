Hello ${name},

someone (we hope you) asked to reset your Orion console password. Choose a new one here:

${link}

The link works once, for ${minutes?c} minutes. If you did not ask for it, ignore this email: your password stays as it is.
