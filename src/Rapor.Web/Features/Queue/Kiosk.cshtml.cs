using Microsoft.AspNetCore.Authorization;
using Rapor.Web.Data;

namespace Rapor.Web.Features.Queue;

/// <summary>The entrance kiosk (touch tablet, full screen): pick a service, take and print a number.</summary>
[AllowAnonymous]
public sealed class KioskModel(RaporDbContext db) : DevicePageModel(db);
