using Microsoft.AspNetCore.Mvc;

namespace VnTrace.Server.Platform.Web;

/// <summary>Lets a page handler answer with a minimal-API result (the resolver's linkset, redirect and problems; an export's file).</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
