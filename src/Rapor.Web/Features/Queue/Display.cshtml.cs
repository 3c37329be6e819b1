using Microsoft.AspNetCore.Authorization;
using Rapor.Web.Data;

namespace Rapor.Web.Features.Queue;

/// <summary>The waiting-room display (any browser on a TV): calls per counter, the last calls, running text, clock, the spoken call.</summary>
[AllowAnonymous]
public sealed class DisplayModel(RaporDbContext db) : DevicePageModel(db);
