using System.ComponentModel.DataAnnotations;

namespace SecondaryPortal.Portal.Components.Pages.Account;

/// <summary>The fields of sign-up and of the first-run admin account.</summary>
public sealed class AccountForm
{
    /// <summary>The email, which is also the user name.</summary>
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.com.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    /// <summary>The password (at least 10 characters, with upper and lower case letters and a digit).</summary>
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(100, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
    public string Password { get; set; } = "";

    /// <summary>The password again.</summary>
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
