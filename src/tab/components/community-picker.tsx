import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  TagPickerOptionGroup,
} from '@fluentui/react-components';
import { useState } from 'react';
import { categoryMessage } from '../../network/tab/people/person-labels.js';
import type { CommunityRef } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';

const categories = ['religion', 'origin', 'group'] as const;
// The list's "nothing found" line is an option too; choosing it does nothing.
const NO_MATCH = 'no-match';

/** Picks the communities a person represents: chosen ones as tags, the rest grouped by category, filtered as one types. */
export function CommunityPicker(props: {
  communities: CommunityRef[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { communities, value, onChange } = props;
  const t = useT();
  const [query, setQuery] = useState('');
  const nameOf = (id: string) => communities.find((community) => community.id === id)?.name ?? id;
  const needle = query.trim().toLocaleLowerCase('nl');
  const available = communities.filter(
    (community) => !value.includes(community.id) && community.name.toLocaleLowerCase('nl').includes(needle),
  );
  return (
    <TagPicker
      selectedOptions={value}
      onOptionSelect={(_event, data) => {
        if (data.value === NO_MATCH) return;
        onChange(data.selectedOptions);
        setQuery('');
      }}
    >
      <TagPickerControl>
        <TagPickerGroup aria-label={t('personForm.communities')}>
          {value.map((id) => (
            <Tag
              key={id}
              value={id}
              shape="rounded"
              dismissIcon={{ 'aria-label': t('personForm.removeCommunity', { name: nameOf(id) }) }}
            >
              {nameOf(id)}
            </Tag>
          ))}
        </TagPickerGroup>
        <TagPickerInput
          placeholder={value.length === 0 ? t('personForm.communitiesPlaceholder') : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </TagPickerControl>
      <TagPickerList>
        {available.length === 0 ? (
          <TagPickerOption value={NO_MATCH}>{t('personForm.noCommunityMatch')}</TagPickerOption>
        ) : (
          categories.map((category) => {
            const options = available.filter((community) => community.category === category);
            if (options.length === 0) return null;
            return (
              <TagPickerOptionGroup key={category} label={t(categoryMessage[category])}>
                {options.map((community) => (
                  <TagPickerOption key={community.id} value={community.id}>
                    {community.name}
                  </TagPickerOption>
                ))}
              </TagPickerOptionGroup>
            );
          })
        )}
      </TagPickerList>
    </TagPicker>
  );
}
