output "role_arn" {
  description = "For the ServiceAccount's eks.amazonaws.com/role-arn annotation and the member module's driftwatch_principal_arn."
  value       = aws_iam_role.driftwatch.arn
}
