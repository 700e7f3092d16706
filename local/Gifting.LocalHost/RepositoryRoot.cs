namespace Gifting.LocalHost;

public static class RepositoryRoot
{
    /// <summary>The folder holding Gifting.sln, found from the working directory or the running assembly.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gifting.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the Gifting repository: Gifting.sln was not found.");
    }
}
