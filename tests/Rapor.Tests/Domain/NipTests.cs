using Rapor.Web.Domain;

namespace Rapor.Tests.Domain;

public sealed class NipTests
{
    [Theory]
    [InlineData("197203151998031004")]
    [InlineData("198812302011012008")]
    public void Valid_nip_is_accepted(string nip) => Assert.Null(Nip.Validate(nip));

    [Theory]
    [InlineData(null, "wajib")]
    [InlineData("12345", "18 angka")]
    [InlineData("19720315199803100A", "18 angka")]
    [InlineData("1972031519980310041", "18 angka")]
    [InlineData("197213151998031004", "tanggal lahir")]
    [InlineData("197202301998031004", "tanggal lahir")]
    [InlineData("197203151998131004", "TMT")]
    [InlineData("197203151980031004", "TMT")]
    [InlineData("197203151998033004", "jenis kelamin")]
    public void Invalid_nip_is_rejected_with_a_reason(string? nip, string reason)
    {
        var error = Nip.Validate(nip);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }
}
