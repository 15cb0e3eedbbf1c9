output "scanner_role_arn" {
  description = "For driftwatch.inventory.accounts.<name>.role-arn."
  value       = aws_iam_role.scanner.arn
}
