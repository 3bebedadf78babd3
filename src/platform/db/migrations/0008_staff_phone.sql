-- Staff phone numbers for the crisis sheet ("who to call, numbers, back-ups"): taken from the directory
-- (Graph mobilePhone, else the first businessPhones entry) when a colleague is added or refreshed.
-- Work numbers of civil servants and police officers, not the citizens' special-category data.
alter table users add column phone text check (phone is null or length(phone) between 3 and 40);
