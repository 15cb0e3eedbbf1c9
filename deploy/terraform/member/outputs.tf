output "scanner_role_arn" {
  description = "For driftwatch.inventory.accounts.<name>.role-arn."
  value       = aws_iam_role.scanner.arn
}

output "remediator_role_arn" {
  description = "The remediator role, when remediator_enabled; null otherwise."
  value       = var.remediator_enabled ? aws_iam_role.remediator[0].arn : null
}

output "sweeper_role_arn" {
  description = "The sweeper role, when sweeper_enabled; null otherwise."
  value       = var.sweeper_enabled ? aws_iam_role.sweeper[0].arn : null
}
