Bonjour ${name},

quelqu'un (vous, nous l'espérons) a demandé à réinitialiser votre mot de passe de la console Orion. Choisissez-en un nouveau ici :

${link}

Le lien fonctionne une seule fois, pendant ${minutes?c} minutes. Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.
