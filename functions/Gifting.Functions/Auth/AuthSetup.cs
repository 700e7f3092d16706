using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gifting.Functions.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddGiftingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        services.AddSingleton(sp => new LocalTokens(sp.GetRequiredService<AuthOptions>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AuthOptions, LocalTokens>((jwt, auth, local) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.NameClaimType = "sub";
                jwt.TokenValidationParameters.RoleClaimType = "roles";
                if (auth.IsLocal)
                {
                    jwt.TokenValidationParameters.ValidIssuer = LocalTokens.Issuer;
                    jwt.TokenValidationParameters.ValidAudience = LocalTokens.Audience;
                    jwt.TokenValidationParameters.IssuerSigningKey = local.Key;
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }
                else
                {
                    jwt.Authority = auth.Authority;
                    jwt.Audience = auth.Audience;
                }
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Customer, p => p.RequireRole(Roles.Customer))
            .AddPolicy(Policies.Corporate, p => p.RequireRole(Roles.Corporate))
            .AddPolicy(Policies.Issuer, p => p.RequireRole(Roles.Issuer))
            .AddPolicy(Policies.Retailer, p => p.RequireRole(Roles.Retailer))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Checkout, p => p.RequireRole(Roles.Checkout))
            .AddPolicy(Policies.Promotions, p => p.RequireRole(Roles.Promotions, Roles.Admin))
            .AddPolicy(Policies.Support, p => p.RequireRole(Roles.Support, Roles.Admin))
            .AddPolicy(Policies.Finance, p => p.RequireRole(Roles.Finance, Roles.Admin));
        return services;
    }
}
