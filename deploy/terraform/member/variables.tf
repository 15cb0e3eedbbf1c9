variable "driftwatch_principal_arn" {
  description = "The role driftwatch runs as in the management account (its IRSA / Pod Identity role): the only principal the roles trust."
  type        = string
}

variable "external_id" {
  description = "The external id driftwatch sends (driftwatch.inventory.accounts.<name>.external-id)."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.external_id) >= 2
    error_message = "external_id must be set (AWS requires 2 to 1224 characters)."
  }
}

variable "scanner_role_name" {
  description = "Name of the read-only role (driftwatch.inventory.accounts.<name>.role-arn points at it)."
  type        = string
  default     = "driftwatch-scanner"
}

variable "remediator_enabled" {
  description = "Whether driftwatch may correct settings in this account: creates the remediator role (list the account in driftwatch.remediation.accounts too)."
  type        = bool
  default     = false
}

variable "remediator_role_name" {
  description = "Name of the remediator role (driftwatch.aws.purposes.remediate.role, default pattern arn:aws:iam::{account}:role/driftwatch-remediator)."
  type        = string
  default     = "driftwatch-remediator"
}

variable "sweeper_enabled" {
  description = "Whether this is a sandbox account driftwatch may sweep: creates the sweeper role, allowed to delete (list the account in driftwatch.sweeper.accounts too, and give it an account alias)."
  type        = bool
  default     = false
}

variable "sweeper_role_name" {
  description = "Name of the sweeper role (driftwatch.sweeper.accounts.<name>.role-arn, default arn:aws:iam::<id>:role/driftwatch-sweeper)."
  type        = string
  default     = "driftwatch-sweeper"
}

variable "permissions_boundary_arn" {
  description = "A permissions boundary for the roles, if your organisation requires one."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for the roles."
  type        = map(string)
  default     = { "managed-by" = "terraform", "app" = "driftwatch" }
}
