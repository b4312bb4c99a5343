// What nearly every feature file uses: typed results, options, and the app's own infrastructure and OpenAPI declarations.
global using Faq.Api.Infrastructure;
global using Faq.Api.OpenApi;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
