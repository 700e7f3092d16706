// An example: copy it, or pass these on the command line (infra/azure/deploy.sh does). The keys are not here:
// deploy.sh draws them once, when the vault has none.
using 'main.bicep'

param namePrefix = 'gifting'
param cosmosCapacity = 'serverless'
param authAuthority = 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0'
param authAudience = 'api://gifting'
param smsFrom = '+18005550100'
param alertEmail = 'ops@example.com'
