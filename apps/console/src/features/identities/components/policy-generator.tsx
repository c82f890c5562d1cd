import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { IdentityDetail } from '@ses-console/contract';
import { useState } from 'react';
import {
  accountIdOfArn,
  CONDITION_KEYS,
  CONDITION_OPERATORS,
  type ConditionKey,
  type ConditionOperator,
  defaultOperator,
  generatePolicy,
  hasGeneratorErrors,
  initialGeneratorDraft,
  newCondition,
  type PolicyGeneratorDraft,
  type PolicyGeneratorErrors,
  SENDING_ACTIONS,
  validateGenerator,
} from '../model/policy-generator';

/**
 * The SES console's policy generator: principals, actions and conditions → the policy document
 * (written into the editor below it, where it can still be changed before saving).
 */
export function PolicyGenerator({
  detail,
  onGenerate,
}: {
  detail: IdentityDetail;
  onGenerate(document: string): void;
}) {
  const [draft, setDraft] = useState<PolicyGeneratorDraft>(() => initialGeneratorDraft(detail));
  const [errors, setErrors] = useState<PolicyGeneratorErrors>({});
  const ownAccount = accountIdOfArn(detail.arn);
  const update = (next: PolicyGeneratorDraft) => {
    setDraft(next);
    // Once a check has failed, it follows the edits (so a fixed field stops being red).
    if (hasGeneratorErrors(errors)) setErrors(validateGenerator(next));
  };
  const setCondition = (index: number, change: Partial<PolicyGeneratorDraft['conditions'][number]>) =>
    update({
      ...draft,
      conditions: draft.conditions.map((c, i) => (i === index ? { ...c, ...change } : c)),
    });

  const generate = () => {
    const found = validateGenerator(draft);
    setErrors(found);
    if (!hasGeneratorErrors(found)) onGenerate(generatePolicy(detail, draft));
  };

  return (
    <ExpandableSection
      headerText="Policy generator"
      headerDescription="Build the statement from principals, actions and conditions; the document below stays editable."
      variant="container"
      defaultExpanded
    >
      <SpaceBetween size="l">
        <FormField label="Effect">
          <RadioGroup
            ariaLabel="Effect"
            value={draft.effect}
            onChange={({ detail: d }) =>
              update({ ...draft, effect: d.value as PolicyGeneratorDraft['effect'] })
            }
            items={[
              { value: 'Allow', label: 'Allow' },
              { value: 'Deny', label: 'Deny' },
            ]}
          />
        </FormField>
        <FormField
          label="Principals"
          description={`AWS account IDs or IAM ARNs, one per line.${ownAccount ? ` ${ownAccount} is this identity's account.` : ''}`}
          errorText={errors.principals}
        >
          <Textarea
            value={draft.principals}
            rows={3}
            spellcheck={false}
            onChange={({ detail: d }) => update({ ...draft, principals: d.value })}
          />
        </FormField>
        <FormField label="Actions" errorText={errors.actions}>
          <SpaceBetween size="xxs">
            {SENDING_ACTIONS.map((action) => (
              <Checkbox
                key={action}
                checked={draft.actions.includes(action)}
                onChange={({ detail: d }) =>
                  update({
                    ...draft,
                    actions: d.checked
                      ? [...draft.actions, action]
                      : draft.actions.filter((a) => a !== action),
                  })
                }
              >
                {action}
              </Checkbox>
            ))}
          </SpaceBetween>
        </FormField>
        <FormField
          label="Conditions - optional"
          description="For example aws:SourceArn or aws:SourceAccount (who may send on the principal's behalf) or ses:FromAddress."
        >
          <AttributeEditor
            items={draft.conditions}
            addButtonText="Add condition"
            removeButtonText="Remove"
            empty="No conditions."
            onAddButtonClick={() =>
              update({ ...draft, conditions: [...draft.conditions, newCondition(detail)] })
            }
            onRemoveButtonClick={({ detail: d }) =>
              update({ ...draft, conditions: draft.conditions.filter((_, i) => i !== d.itemIndex) })
            }
            definition={[
              {
                label: 'Condition key',
                control: (c, index) => (
                  <Select
                    ariaLabel={`Condition key ${index + 1}`}
                    selectedOption={{ value: c.key, label: c.key }}
                    options={CONDITION_KEYS.map((k) => ({
                      value: k.key,
                      label: k.key,
                      description: k.description,
                    }))}
                    onChange={({ detail: d }) => {
                      const key = d.selectedOption.value as ConditionKey;
                      setCondition(index, { key, operator: defaultOperator(key) });
                    }}
                  />
                ),
              },
              {
                label: 'Operator',
                errorText: (_, index) => errors.conditions?.[index]?.operator,
                control: (c, index) => (
                  <Select
                    ariaLabel={`Operator ${index + 1}`}
                    selectedOption={{ value: c.operator, label: c.operator }}
                    options={CONDITION_OPERATORS.map((o) => ({ value: o, label: o }))}
                    onChange={({ detail: d }) =>
                      setCondition(index, { operator: d.selectedOption.value as ConditionOperator })
                    }
                  />
                ),
              },
              {
                label: 'Value',
                errorText: (_, index) => errors.conditions?.[index]?.value,
                control: (c, index) => (
                  <Input
                    ariaLabel={`Value ${index + 1}`}
                    value={c.value}
                    onChange={({ detail: d }) => setCondition(index, { value: d.value })}
                  />
                ),
              },
            ]}
          />
        </FormField>
        <Button onClick={generate}>Generate policy document</Button>
      </SpaceBetween>
    </ExpandableSection>
  );
}
